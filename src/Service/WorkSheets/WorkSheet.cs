namespace Koostoo.Service.WorkSheets;

/// <summary>
/// A work sheet (näidistööleht) as its rows, already in the reader's language: the one thing the spreadsheet, the
/// CSV file and the print page all render, so the three never disagree.
/// </summary>
public sealed record WorkSheet(SheetKind Kind, string Language, string Title, string NetworkName, DateTime MadeAt, IReadOnlyList<SheetSection> Sections);

/// <summary>One table of a sheet (the work plan has the goal and then the actions).</summary>
public sealed record SheetSection(string Title, IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Cells are text, int, decimal, <see cref="DateOnly"/> or <see cref="DateTime"/> (Tallinn wall time), so the
/// spreadsheet gets real numbers and dates; <see cref="Flagged"/> marks what needs attention (an overdue action).
/// </summary>
public sealed record SheetRow(IReadOnlyList<object?> Cells, bool Flagged = false);
