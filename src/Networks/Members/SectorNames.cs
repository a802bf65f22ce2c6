using Koostoo.Language;

namespace Koostoo.Networks.Members;

/// <summary>How people name the sectors, in the reader's language (the catalog's <c>Sector.*</c>).</summary>
public static class SectorNames
{
    public static string In(Sector sector, string language) => Words.In(language)[$"Sector.{(Enum.IsDefined(sector) ? sector : Sector.Other)}"];
}
