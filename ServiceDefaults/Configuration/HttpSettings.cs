namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Http__*</c>: the HTTP endpoint for health (and, co-hosted, the gateway).</summary>
public sealed class HttpSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8080;
}
