using Koostoo.Language;
namespace Koostoo.Activities.Email;

/// <summary>Email templates that cannot be used, with every problem and the file it is in.</summary>
public sealed class TemplateException(IReadOnlyList<string> problems)
    : Exception(Words.Current["Email.TemplateException.EmailTemplatesAreNotValid"].Value + string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}")))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
