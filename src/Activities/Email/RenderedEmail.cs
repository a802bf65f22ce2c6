namespace Koostoo.Activities.Email;

/// <summary>An email's three texts in one language; <see cref="Html"/> is a complete document.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);
