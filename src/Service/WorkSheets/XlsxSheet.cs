using ClosedXML.Excel;

namespace Koostoo.Service.WorkSheets;

/// <summary>A work sheet as an Excel workbook: one worksheet, its tables one under the other, real dates and numbers, marked rows shaded.</summary>
public static class XlsxSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int WidestColumn = 60;

    public static byte[] Render(WorkSheet sheet)
    {
        using var workbook = new XLWorkbook();
        var worksheet = workbook.Worksheets.Add(WorksheetName(sheet.Title));
        worksheet.Cell(1, 1).Value = $"{sheet.Title}: {sheet.NetworkName}";
        worksheet.Cell(1, 1).Style.Font.Bold = true;
        worksheet.Cell(1, 1).Style.Font.FontSize = 14;
        worksheet.Cell(2, 1).Value = SheetText.Format(sheet.MadeAt, sheet.Language);
        var widths = new Dictionary<int, int>();
        var row = 4;
        foreach (var section in sheet.Sections)
        {
            worksheet.Cell(row, 1).Value = section.Title;
            worksheet.Cell(row, 1).Style.Font.Bold = true;
            row++;
            for (var c = 0; c < section.Headers.Count; c++)
            {
                var header = worksheet.Cell(row, c + 1);
                header.Value = section.Headers[c];
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E5E7EB");
                Widen(widths, c + 1, section.Headers[c]);
            }
            row++;
            foreach (var line in section.Rows)
            {
                for (var c = 0; c < line.Cells.Count; c++)
                {
                    var cell = worksheet.Cell(row, c + 1);
                    Write(cell, line.Cells[c]);
                    cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                    cell.Style.Alignment.WrapText = true;
                    if (line.Flagged) cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#FDE2E2");
                    Widen(widths, c + 1, SheetText.Format(line.Cells[c], sheet.Language));
                }
                row++;
            }
            row++;
        }
        // Measured from the text: ClosedXML's own fitting needs the system's font renderer, which a server may lack.
        foreach (var (column, width) in widths) worksheet.Column(column).Width = width;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Write(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly day:
                cell.Value = day.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = "dd.mm.yyyy";
                break;
            case DateTime moment:
                cell.Value = moment;
                cell.Style.DateFormat.Format = "dd.mm.yyyy hh:mm";
                break;
            case decimal number:
                cell.Value = number;
                cell.Style.NumberFormat.Format = "0.0";
                break;
            case int number:
                cell.Value = number;
                break;
            default:
                // Set as text: a memo that starts with "=" or a number-like phone is kept as written.
                cell.SetValue(value.ToString());
                cell.DataType = XLDataType.Text;
                break;
        }
    }

    private static void Widen(Dictionary<int, int> widths, int column, string text)
    {
        var longest = text.Split('\n').Max(l => l.Length) + 2;
        widths[column] = Math.Min(WidestColumn, Math.Max(widths.GetValueOrDefault(column, 8), longest));
    }

    /// <summary>Excel's limits on a worksheet name: 31 characters, none of []:*?/\.</summary>
    private static string WorksheetName(string title)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return name.Length <= 31 ? name : name[..31];
    }
}
