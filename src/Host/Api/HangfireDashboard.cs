using Hangfire;
using Hangfire.Dashboard;

namespace Koostoo.Host.Api;

public static class HangfireDashboard
{
    /// <summary>The dashboard at /hangfire (loopback only until accounts exist).</summary>
    public static void MapHangfireDashboard(this WebApplication app) =>
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DisplayStorageConnectionString = false,
        });
}
