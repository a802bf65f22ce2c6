using Koostoo.Workflows.Persistence;
using Npgsql;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The host's PostgreSQL connections keep their prepared statements and are at most 20, unless the operator's connection
/// string says otherwise.
/// </summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_plain_connection_string_gets_no_reset_on_close_automatic_preparation_and_a_pool_of_twenty()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=db.example;Database=koostoo;Username=koostoo" };

        var used = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);

        used.NoResetOnClose.Should().BeTrue();
        used.MaxAutoPrepare.Should().Be(100);
        used.MaxPoolSize.Should().Be(20);
        used.Host.Should().Be("db.example");
        used.Database.Should().Be("koostoo");
    }

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false;Max Auto Prepare=0;Maximum Pool Size=50")]
    [InlineData("Host=db.example;noresetonclose=false;MAXAUTOPREPARE=0;maxpoolsize=50")]
    public void What_the_operator_set_is_kept_however_it_is_spelled(string connectionString)
    {
        var used = new NpgsqlConnectionStringBuilder(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }.PostgresConnectionString);

        used.NoResetOnClose.Should().BeFalse();
        used.MaxAutoPrepare.Should().Be(0);
        used.MaxPoolSize.Should().Be(50);
    }
}
