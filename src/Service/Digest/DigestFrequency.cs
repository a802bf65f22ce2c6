namespace Koostoo.Service.Digest;

/// <summary>How often a coordinator gets the summary of what her networks owe.</summary>
public enum DigestFrequency
{
    Never,
    /// <summary>Every morning at 07:00 Estonian time.</summary>
    Daily,
    /// <summary>Monday mornings at 07:00 Estonian time.</summary>
    Weekly,
}
