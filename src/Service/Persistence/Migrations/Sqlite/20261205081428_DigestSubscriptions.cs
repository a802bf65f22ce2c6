using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DigestSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "digest_subscriptions",
                columns: table => new
                {
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Checks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_subscriptions", x => x.Email);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_subscriptions");
        }
    }
}
