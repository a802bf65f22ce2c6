using Koostoo.Service.Access;

namespace Koostoo.Host.Access;

/// <summary>
/// Who the request acts as, for every endpoint and page that reads or changes a network (they take an
/// <see cref="Actor"/> from the request's services). There are no accounts yet, so every request is one local staff
/// user with both roles, named by the role word in the history; the accounts resolve the signed-in user here.
/// </summary>
public static class CurrentActor
{
    public static readonly Actor LocalStaff = Actor.Staff("local", "", "", StaffRoles.Admin, StaffRoles.Coordinator);

    public static IServiceCollection AddCurrentActor(this IServiceCollection services) =>
        services.AddScoped(_ => LocalStaff);
}
