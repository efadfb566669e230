namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Auth__*</c>: Telegram sign-in, tokens, admins and guest sign-in (gateway).</summary>
public sealed class AuthSettings
{
    /// <summary>The Telegram bot token; Mini App initData is signed with a key derived from it. Unset: Telegram sign-in is refused.</summary>
    public string? BotToken { get; set; }

    /// <summary>HMAC-SHA256 key (at least 32 characters) signing access tokens. Unset: random per process outside production; required in production.</summary>
    public string? JwtKey { get; set; }

    /// <summary>
    /// Comma-separated keys that verify access and refresh tokens but sign nothing: the key ring of a rotation
    /// (the next key while it is rolled out, then the previous one until its tokens have expired).
    /// </summary>
    public string? JwtAcceptedKeys { get; set; }

    /// <summary>Issuer and audience written into access tokens.</summary>
    public string Issuer { get; set; } = "orleans-poker";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Oldest <c>auth_date</c> accepted in Telegram initData.</summary>
    public TimeSpan InitDataMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The operations tooling's token (at least 32 characters): sent as <c>X-Poker-Operations-Token</c> it sets the
    /// room's maintenance switch (<c>/api/ops/maintenance</c>) before an update. Unset: that route does not exist.
    /// </summary>
    public string? OperationsToken { get; set; }

    /// <summary>Comma-separated Telegram user ids that get the admin role.</summary>
    public string? AdminTelegramIds { get; set; }

    /// <summary>Guest sign-in (a name, no Telegram). Null: on unless the configuration is production.</summary>
    public bool? GuestSignIn { get; set; }

    /// <summary>The admin ids parsed from <see cref="AdminTelegramIds"/>.</summary>
    public IReadOnlySet<long> AdminIds() =>
        ListSetting.Items(AdminTelegramIds)
            .Select(id => long.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (long?)null)
            .OfType<long>()
            .ToHashSet();
}
