using Koostoo.Language;
using CsvHelper;

namespace Koostoo.Service.WorkSheets;

/// <summary>
/// A work sheet as CSV, the tables one under the other with an empty record between, every record as wide as the
/// widest table (RFC 4180 wants one field count). Written for the spreadsheet the reader opens it in: UTF-8 with a byte
/// order mark (or Excel garbles õ, ä, ö, ü), and in Estonian a semicolon between fields, since there the comma is the
/// decimal separator. A text that starts like a formula (= + - @, tab, CR) gets a leading ' (CsvHelper's injection escape,
/// which is off unless asked for), so a memo a member wrote never runs as a formula in the coordinator's spreadsheet.
/// </summary>
public static class CsvSheet
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The culture's own list separator: a semicolon where the comma is the decimal separator (et, ru), else a comma.</summary>
    public static char Separator(string language) => Languages.Culture(language).TextInfo.ListSeparator[0];

    public static byte[] Render(WorkSheet sheet)
    {
        List<IReadOnlyList<string>> records = [[$"{sheet.Title}: {sheet.NetworkName}", SheetText.Format(sheet.MadeAt, sheet.Language)]];
        foreach (var section in sheet.Sections)
        {
            records.Add([]);
            records.Add([section.Title]);
            records.Add(section.Headers);
            records.AddRange(section.Rows.Select(r => r.Cells.Select(c => SheetText.Format(c, sheet.Language)).ToList()));
        }
        var width = records.Max(r => r.Count);

        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Separator = Separator(sheet.Language), WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var record in records)
            {
                for (var i = 0; i < width; i++) csv.WriteField(i < record.Count ? record[i] : "");
                csv.EndRecord();
            }
            csv.Flush();
        }
        return stream.ToArray();
    }
}
