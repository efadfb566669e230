namespace Orleans.Poker.Grains.Interfaces.Operations;

/// <summary>
/// A process that reports operations samples: its <see cref="Kind"/> (<c>silo</c>, <c>gateway</c>, <c>bot</c>), an
/// <see cref="Id"/> unique in the room (host and public port), the product version it runs, when it started, and the
/// roles it serves (a silo co-hosting the gateway and the bot has all three).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.operations-process.v1")]
public sealed record OperationsProcess
{
    [Id(0)] public string Kind { get; init; } = "";

    [Id(1)] public string Id { get; init; } = "";

    [Id(2)] public string Version { get; init; } = "";

    [Id(3)] public DateTimeOffset StartedAt { get; init; }

    /// <summary>What the process serves: <see cref="SiloRole"/>, <see cref="GatewayRole"/>, <see cref="BotRole"/>.</summary>
    [Id(4)] public IReadOnlyList<string> Roles { get; init; } = [];

    public const string SiloRole = "silo";

    public const string GatewayRole = "gateway";

    public const string BotRole = "bot";
}
