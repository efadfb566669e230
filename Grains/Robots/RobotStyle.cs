namespace Orleans.Poker.Grains.Robots;

/// <summary>How a robot plays: <see cref="Looseness"/> 0 (tight) .. 1 (loose), <see cref="Aggression"/> 0 (passive) .. 1 (aggressive).</summary>
public sealed record RobotStyle(double Looseness, double Aggression)
{
    public static readonly RobotStyle TightPassive = new(0.2, 0.15);

    public static readonly RobotStyle TightAggressive = new(0.2, 0.7);

    public static readonly RobotStyle LoosePassive = new(0.8, 0.15);

    public static readonly RobotStyle LooseAggressive = new(0.8, 0.7);

    /// <summary>The four presets, in a fixed order.</summary>
    public static IReadOnlyList<RobotStyle> Presets { get; } = [TightPassive, TightAggressive, LoosePassive, LooseAggressive];
}
