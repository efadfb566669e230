namespace Orleans.Poker.Grains.Tables;

/// <summary>A freed seat offered to a waitlisted player until <see cref="Until"/>.</summary>
[GenerateSerializer, Alias("poker.seat-hold.v1")]
public sealed class SeatHold
{
    [Id(0)] public int Seat { get; set; }

    [Id(1)] public long PlayerId { get; set; }

    [Id(2)] public DateTimeOffset Until { get; set; }
}
