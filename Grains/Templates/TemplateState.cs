using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>
/// The persisted state of a <see cref="TemplateGrain"/>: every version ever stored. Id 4 held the tables using the
/// template in earlier releases (written whole for every table created); it is not read any more, and not reused.
/// </summary>
[GenerateSerializer, Alias("poker.template-state.v1")]
public sealed class TemplateState
{
    /// <summary>Version n is at index n-1. Kept after a delete so that version numbers are never reused.</summary>
    [Id(0)] public List<TemplateConfig> Versions { get; set; } = [];

    /// <summary>False before the first create and after a delete.</summary>
    [Id(1)] public bool Exists { get; set; }

    [Id(2)] public bool Active { get; set; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
}
