namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>What <see cref="IBotUpdateGrain.TryBegin"/> decided for an update id.</summary>
public enum UpdateClaim
{
    /// <summary>This caller handles it: confirm the claim, then process.</summary>
    Claimed,

    /// <summary>Handled (confirmed) before, or older than the remembered window: acknowledge it and do nothing.</summary>
    Duplicate,

    /// <summary>Claimed moments ago and not confirmed yet: ask Telegram to deliver it again later.</summary>
    InProgress,
}
