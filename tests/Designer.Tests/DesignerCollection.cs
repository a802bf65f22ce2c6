namespace Koostoo.Designer.Tests;

/// <summary>
/// One host and one browser for every designer test, run one test at a time: the machine has two cores and a browser
/// plus a host each per class would make the load-time measurement measure the other tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<DesignerHost>
{
    public const string Name = "designer";
}
