using Koostoo.Language;

namespace Koostoo.Networks.Launch;

/// <summary>
/// Group agreements a network starts from when the coordinator writes none: the ones the field's guides name
/// (equal duties, confidentiality, answering in time, constructive criticism). The coordinator changes them at launch.
/// </summary>
public static class DefaultAgreements
{
    private const int Count = 5;

    public static IReadOnlyList<string> In(string language) =>
        Enumerable.Range(1, Count).Select(i => Words.In(language)[$"Agreements.Default.{i}"].Value).ToList();
}
