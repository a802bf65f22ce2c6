namespace Koostoo.Networks.Members;

/// <summary>How people name the sectors, Estonian first.</summary>
public static class SectorNames
{
    public static string Et(Sector sector) => sector switch
    {
        Sector.Social => "sotsiaaltöö",
        Sector.Education => "haridus",
        Sector.Health => "tervishoid",
        Sector.Youth => "noorsootöö",
        Sector.Culture => "kultuur",
        Sector.Ngo => "MTÜ-d",
        Sector.TargetGroup => "sihtrühma esindaja",
        _ => "muu",
    };

    public static string En(Sector sector) => sector switch
    {
        Sector.Social => "social work",
        Sector.Education => "education",
        Sector.Health => "health",
        Sector.Youth => "youth work",
        Sector.Culture => "culture",
        Sector.Ngo => "NGOs",
        Sector.TargetGroup => "target group",
        _ => "other",
    };

    public static string In(Sector sector, string language) => language == "en" ? En(sector) : Et(sector);
}
