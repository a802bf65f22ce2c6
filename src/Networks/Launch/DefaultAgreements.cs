namespace Koostoo.Networks.Launch;

/// <summary>
/// Group agreements a network starts from when the coordinator writes none: the ones the field's guides name
/// (equal duties, confidentiality, answering in time, constructive criticism). The coordinator changes them at launch.
/// </summary>
public static class DefaultAgreements
{
    public static readonly string[] Et =
    [
        "Hoiame kliendi ja pere andmed võrgustiku sees.",
        "Vastame palvetele tähtajaks või anname teada, kui ei jõua.",
        "Igaühel on võrdne sõna; otsused teeme koos.",
        "Keskendume lahendustele: kritiseerime konstruktiivselt ja teeme konkreetseid ettepanekuid.",
        "Võrgustikutöö on osa meie tööajast, kokku lepitud tööandjaga.",
    ];

    public static readonly string[] En =
    [
        "We keep the client's and family's details within the network.",
        "We answer requests by their deadline, or say when we cannot.",
        "Everyone has an equal say; we decide together.",
        "We focus on solutions: criticism is constructive and proposals concrete.",
        "Network work is part of our working time, agreed with our employers.",
    ];

    public static IReadOnlyList<string> In(string language) => language == "en" ? En : Et;
}
