namespace Koostoo.Service.Access;

/// <summary>The actor may see the network but not do this to it.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
