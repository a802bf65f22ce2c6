using System.Security.Claims;
using Koostoo.Host.Accounts;
using Koostoo.Service.Access;

namespace Koostoo.Host.Access;

/// <summary>
/// Who the request acts as, for every endpoint and page that reads or changes a network (they take an
/// <see cref="Actor"/> from the request's services): the signed-in staff user (by cookie or API key) with their id,
/// name, address and roles, so that <see cref="NetworkAccess"/> decides per network. A request nobody signed in to is
/// a staff actor without roles: it reads and changes nothing (only the anonymous pages, which take no actor, serve it).
/// </summary>
public static class CurrentActor
{
    public static readonly Actor Nobody = new(ActorKind.Staff, null, "", null, new HashSet<string>());

    public static IServiceCollection AddCurrentActor(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped(provider => Of(provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));

    public static Actor Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return Nobody;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        return Actor.Staff(id, user.FindFirstValue(StaffClaims.DisplayName) ?? "", user.FindFirstValue(ClaimTypes.Email) ?? "", roles);
    }
}
