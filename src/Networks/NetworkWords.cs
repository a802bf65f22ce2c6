using Koostoo.Language;

namespace Koostoo.Networks;

/// <summary>
/// How coordinators name a network's kinds and states (the field's words, docs/glossary.md), on the pages and the work
/// sheets alike: the catalog's entry named after the enum and its value, e.g. <c>ActionStatus.Late</c>.
/// </summary>
public static class NetworkWords
{
    public static string Of<T>(T value, string language) where T : struct, Enum => Words.In(language)[$"{typeof(T).Name}.{value}"];
}
