namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The room's maintenance switch as players see it: on since when, with what note.</summary>
public sealed record MaintenanceResponse(bool On, DateTimeOffset? Since, string? Message)
{
    public static MaintenanceResponse Of(Grains.Interfaces.Admin.MaintenanceStatus status) => new(status.On, status.Since, status.Message);
}
