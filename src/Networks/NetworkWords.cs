using Koostoo.Networks.Actions;
using Koostoo.Networks.Goals;
using Koostoo.Networks.Members;

namespace Koostoo.Networks;

/// <summary>How coordinators name a network's kinds and states, Estonian first (the field's words, docs/glossary.md): on the pages and the work sheets alike.</summary>
public static class NetworkWords
{
    public static string Of(NetworkType type, string language) => Pick(language, type switch
    {
        NetworkType.Informative => ("informatiivne", "informative"),
        NetworkType.ProblemSolving => ("probleeme lahendav", "problem-solving"),
        NetworkType.CaseWork => ("juhtumitöö", "case work"),
        NetworkType.Preventive => ("preventiivne", "preventive"),
        NetworkType.ChangeSeeking => ("muudatusi taotlev", "change-seeking"),
        _ => ("arendustegevuslik", "development"),
    });

    public static string Of(NetworkLevel level, string language) => Pick(language, level switch
    {
        NetworkLevel.Institution => ("asutuse sisene", "within one institution"),
        NetworkLevel.Municipality => ("omavalitsuse sisene", "within a municipality"),
        NetworkLevel.Regional => ("piirkondlik (mitu omavalitsust)", "regional (several municipalities)"),
        NetworkLevel.County => ("maakondlik", "county"),
        NetworkLevel.National => ("üleriigiline", "national"),
        _ => ("rahvusvaheline", "international"),
    });

    public static string Of(NetworkStatus status, string language) => Pick(language, status switch
    {
        NetworkStatus.Active => ("käib", "active"),
        NetworkStatus.Finished => ("lõpetatud", "finished"),
        _ => ("katkestatud", "cancelled"),
    });

    public static string Of(MemberStatus status, string language) => Pick(language, status switch
    {
        MemberStatus.Invited => ("kutsutud", "invited"),
        MemberStatus.Accepted => ("osaleb", "taking part"),
        MemberStatus.Declined => ("loobus", "declined"),
        _ => ("lahkus", "left"),
    });

    public static string Of(GoalStatus status, string language) => Pick(language, status switch
    {
        GoalStatus.Proposed => ("ettepanek, hääletusel", "proposed, being voted on"),
        GoalStatus.Approved => ("kinnitatud", "approved"),
        _ => ("tagasi lükatud", "rejected"),
    });

    public static string Of(ActionStatus status, string language) => Pick(language, status switch
    {
        ActionStatus.Confirmed => ("kokku lepitud", "agreed"),
        ActionStatus.OnTrack => ("käib plaanipäraselt", "on track"),
        ActionStatus.Late => ("hilineb", "late"),
        ActionStatus.Dropped => ("kavast välja jäetud", "dropped from the plan"),
        _ => ("tehtud", "done"),
    });

    private static string Pick(string language, (string Et, string En) words) => language == "en" ? words.En : words.Et;
}
