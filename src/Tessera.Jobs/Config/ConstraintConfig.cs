namespace Tessera.Jobs.Config;

/// <summary>A task ordering constraint: the processes in <c>order</c> run one after another.</summary>
public sealed record ConstraintConfig(ValueList<string> Order);
