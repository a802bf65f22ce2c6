namespace Koostoo.Service.Answers;

public enum LinkState
{
    /// <summary>No such link: mistyped, guessed or from another service.</summary>
    Unknown,
    /// <summary>The step has closed (quorum, deadline, coordinator) or the network ended.</summary>
    Closed,
    Open,
    /// <summary>The member handed the request to a colleague, who has a link of their own; this one says to whom.</summary>
    HandedOver,
}
