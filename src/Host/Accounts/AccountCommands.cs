using Koostoo.Service.Access;
using Koostoo.Service.Accounts;
using Koostoo.Service.Persistence;

namespace Koostoo.Host.Accounts;

/// <summary>
/// The host's command-line verbs for operators and scripts, run instead of serving:
/// <c>create-user --email E --role Admin|Coordinator [--name N]</c> prints a one-time password;
/// <c>create-api-key --email E --name N</c> prints the key. Each is printed once and never stored.
/// </summary>
public static class AccountCommands
{
    public static readonly string[] Verbs = ["create-user", "create-api-key"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <returns>The process's exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var options = Options(args.Skip(1).ToArray());
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.MigrateWhenBehindAsync(CancellationToken.None);
        var operator_ = Actor.System("command line");
        try
        {
            switch (args[0])
            {
                case "create-user":
                {
                    var roles = options.GetValueOrDefault("role")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
                    if (roles.Length == 0) return Usage("create-user needs --role Admin|Coordinator");
                    var (user, password) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                        .CreateAsync(operator_, Required(options, "email"), roles, displayName: options.GetValueOrDefault("name"));
                    Console.WriteLine($"Created {user.Email} ({string.Join(", ", roles)}). One-time password, shown once: {password}");
                    Console.WriteLine("They sign in at /account/login and should change it at /account/password.");
                    return 0;
                }
                case "create-api-key":
                {
                    var email = Required(options, "email");
                    var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>().FindByEmailAsync(email);
                    if (user is null) return Usage($"There is no account {email}.");
                    var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(operator_, user.Id, Required(options, "name"));
                    Console.WriteLine($"API key for {user.Email}, shown once (send it as 'Authorization: Bearer KEY'):");
                    Console.WriteLine(secret);
                    return 0;
                }
            }
        }
        catch (AccountException refused)
        {
            return Usage($"{refused.Field}: {refused.Message}");
        }
        catch (ArgumentException missing)
        {
            return Usage(missing.Message);
        }
        return Usage("Unknown command.");
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("Usage: create-user --email E --role Admin|Coordinator [--name N]   |   create-api-key --email E --name N");
        return 2;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"--{name} is needed.");

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        return options;
    }
}
