namespace Orleans.Poker.Grains.Waitlists;

/// <summary>A seat at <see cref="TableId"/> held until <see cref="Until"/> for a player taken from a template's queue.</summary>
[GenerateSerializer, Alias("poker.template-offer.v1")]
public sealed class TemplateOffer
{
    [Id(0)] public long PlayerId { get; set; }

    [Id(1)] public string TableId { get; set; } = "";

    [Id(2)] public DateTimeOffset Until { get; set; }
}
