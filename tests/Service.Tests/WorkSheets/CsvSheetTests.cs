using CsvHelper;
using Koostoo.Service.WorkSheets;

namespace Koostoo.Service.Tests.WorkSheets;

/// <summary>What members write ends up in the coordinator's spreadsheet: it must read as text there, never run.</summary>
public class CsvSheetTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"ava\")")]
    [InlineData("+372 5555 5555")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1:A9)")]
    public void A_cell_that_starts_like_a_formula_opens_as_text(string written)
    {
        var sheet = new WorkSheet(SheetKind.Meetings, "et", "Kohtumiste memo", "Kooli võrgustik", new DateTime(2026, 12, 2, 10, 0, 0),
            [new SheetSection("Kohtumised", ["Kohtumine", "Memo"], [new SheetRow(["Esimene kohtumine", written])])]);

        using var reader = CsvReader.Create(CsvSheet.Render(sheet), new CsvReaderOptions { Separator = ';', HasHeader = false });
        var cells = new List<string>();
        while (reader.Read()) cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));

        cells.Should().Contain("'" + written, "a leading apostrophe makes a spreadsheet show the text as written")
            .And.NotContain(written).And.Contain("Esimene kohtumine");
    }

    [Theory]
    [InlineData("et", ';', "1,5")]
    [InlineData("ru", ';', "1,5")]
    [InlineData("en", ',', "1.5")]
    public void Fields_and_decimals_are_separated_as_the_readers_spreadsheet_expects(string language, char separator, string average)
    {
        var sheet = new WorkSheet(SheetKind.Review, language, "Ülevaade", "Kooli võrgustik", new DateTime(2026, 12, 2, 10, 0, 0),
            [new SheetSection("Funktsioonid", ["Funktsioon", "Keskmine"], [new SheetRow(["Infovahetus", 1.5m])])]);

        CsvSheet.Separator(language).Should().Be(separator);
        using var reader = CsvReader.Create(CsvSheet.Render(sheet), new CsvReaderOptions { Separator = separator, HasHeader = false });
        var cells = new List<string>();
        while (reader.Read()) cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
        cells.Should().Contain(average);
    }
}
