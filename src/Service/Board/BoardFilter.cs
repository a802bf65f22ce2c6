namespace Koostoo.Service.Board;

/// <summary>What the coordinator narrows the board to; every part optional.</summary>
/// <param name="Stage">A stage id of the networks' definitions (convene, roles, …).</param>
/// <param name="Person">Part of a silent person's or an action owner's name, any case.</param>
/// <param name="OverdueOnly">Only steps past their deadline and actions past their due date.</param>
public sealed record BoardFilter(Guid? Network = null, string? Stage = null, string? Person = null, bool OverdueOnly = false)
{
    public bool Names(string name) =>
        string.IsNullOrWhiteSpace(Person) || name.Contains(Person.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
