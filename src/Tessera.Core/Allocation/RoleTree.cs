using Tessera.Core.Allocation.Sorting;
using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// The hierarchy one cycle sorts: roles as a tree (<c>eng</c> above <c>eng/web</c>), each level with
/// its own sorter over child roles plus a leaf for the frameworks subscribed to the role itself, and
/// per role a sorter over its frameworks. Walking it yields roles fairest-first; allocating to a
/// framework updates its role and every ancestor, as hierarchical DRF needs.
/// </summary>
internal sealed class RoleTree
{
    /// <summary>Key of a role's own frameworks among its children; "." can never be a role component.</summary>
    private const string SelfLeaf = ".";

    private readonly Node _root;
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ISorter> _frameworks = new(StringComparer.Ordinal);

    public RoleTree(AllocationSnapshot snapshot, ResourceQuantities total, Random random)
    {
        var options = snapshot.Options;
        var excluded = options.FairSharingExcludedNames;
        _root = new Node("", null);
        var own = new Dictionary<string, ResourceQuantities>(StringComparer.Ordinal);
        foreach (var framework in snapshot.Frameworks)
        {
            foreach (var role in framework.Roles)
            {
                if (!_frameworks.TryGetValue(role, out var sorter))
                    _frameworks[role] = sorter = SorterFactory.Create(options.FrameworkSorter, total, excluded, random);
                var allocation = framework.AllocatedTo(role);
                if (!sorter.Contains(framework.Id)) sorter.Add(framework.Id, 1.0, allocation);
                own[role] = (own.GetValueOrDefault(role) ?? ResourceQuantities.Empty) + allocation;
                NodeFor(role).HasFrameworks = true;
            }
        }
        Build(_root, snapshot, own, total, random);
    }

    /// <summary>Fills <paramref name="into"/> with the roles that have frameworks, in the order they should be offered resources.</summary>
    public void RolesInOrder(List<string> into)
    {
        into.Clear();
        Walk(_root, into);
    }

    public IEnumerable<string> FrameworksInOrder(string role) => _frameworks[role].Sorted();

    public double FrameworkShare(string role, string frameworkId) => _frameworks[role].ShareOf(frameworkId);

    public void Allocate(string role, string frameworkId, ResourceQuantities quantities)
    {
        _frameworks[role].Allocate(frameworkId, quantities);
        var node = _nodes[role];
        node.Sorter!.Allocate(SelfLeaf, quantities);
        for (var child = node; child.Parent is { } parent; child = parent)
            parent.Sorter!.Allocate(child.Role, quantities);
    }

    private Node NodeFor(string role)
    {
        if (_nodes.TryGetValue(role, out var node)) return node;
        var parent = RoleName.Parent(role) is { } p ? NodeFor(p) : _root;
        node = new Node(role, parent);
        parent.Children.Add(node);
        _nodes[role] = node;
        return node;
    }

    /// <summary>Creates each node's sorter bottom-up and returns the subtree's allocation.</summary>
    private static ResourceQuantities Build(Node node, AllocationSnapshot snapshot, Dictionary<string, ResourceQuantities> own,
        ResourceQuantities total, Random random)
    {
        var options = snapshot.Options;
        node.Sorter = SorterFactory.Create(options.RoleSorter, total, options.FairSharingExcludedNames, random);
        var subtree = node.HasFrameworks ? own.GetValueOrDefault(node.Role) ?? ResourceQuantities.Empty : ResourceQuantities.Empty;
        if (node.HasFrameworks)
            node.Sorter.Add(SelfLeaf, snapshot.WeightOf(node.Role), subtree);
        foreach (var child in node.Children)
        {
            var childAllocation = Build(child, snapshot, own, total, random);
            node.Sorter.Add(child.Role, snapshot.WeightOf(child.Role), childAllocation);
            subtree += childAllocation;
        }
        return subtree;
    }

    private void Walk(Node node, List<string> into)
    {
        foreach (var key in node.Sorter!.Sorted())
        {
            if (key == SelfLeaf) into.Add(node.Role);
            else Walk(_nodes[key], into);
        }
    }

    private sealed class Node(string role, Node? parent)
    {
        public string Role { get; } = role;
        public Node? Parent { get; } = parent;
        public List<Node> Children { get; } = [];
        public bool HasFrameworks { get; set; }
        public ISorter? Sorter { get; set; }
    }
}
