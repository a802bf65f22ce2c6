namespace Koostoo.Workflows.Runtime;

/// <summary>Something asked for does not exist; the API answers 404 with this message.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request does not fit the current state (publish without a draft, signal nobody waits for); 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
