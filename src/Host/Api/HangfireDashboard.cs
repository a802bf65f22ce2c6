using Hangfire;
using Hangfire.Dashboard;

namespace Koostoo.Host.Api;

public static class HangfireDashboard
{
    /// <summary>The dashboard at /hangfire, for admins: its jobs' arguments name instances and mail.</summary>
    public static void MapHangfireDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminsOnly()],
            DisplayStorageConnectionString = false,
        });

    /// <summary>Hangfire's own check, run after the request's authentication: a signed-in admin.</summary>
    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(Koostoo.Service.Access.StaffRoles.Admin);
    }
}
