using System.Globalization;
using System.Runtime.CompilerServices;

namespace Koostoo.Activities.Tests;

// These tests read the engine's and the activities' messages in English, as Workflows.Tests' EnglishReader says why.
internal static class EnglishReader
{
    [ModuleInitializer]
    internal static void ReadInEnglish() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
}
