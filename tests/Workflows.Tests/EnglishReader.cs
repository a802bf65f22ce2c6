using System.Globalization;
using System.Runtime.CompilerServices;

namespace Koostoo.Workflows.Tests;

/// <summary>
/// The engine's tests read its messages in English, as an administrator who asked for English does (the engine speaks
/// the language of the request it serves, Estonian when there is none). <see cref="EngineLanguageTests"/> reads them in the others.
/// </summary>
internal static class EnglishReader
{
    [ModuleInitializer]
    internal static void ReadInEnglish() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
}
