namespace Koostoo.Host.Api;

/// <summary>A language the service speaks: its code (<c>ru</c>) and its name in itself (<c>русский</c>).</summary>
public sealed record LanguageView(string Code, string Name);
