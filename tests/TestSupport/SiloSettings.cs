namespace Orleans.Poker.TestSupport;

/// <summary>What the silos of one test share: the database, Redis, and the cluster and service ids.</summary>
public sealed record SiloSettings(string Postgres, string Redis, string ClusterId, string ServiceId)
{
    /// <summary>The Redis of the tests (<c>POKER_TEST_REDIS</c>, default the local one of <c>infra/services.sh</c>).</summary>
    public static string TestRedis => Environment.GetEnvironmentVariable("POKER_TEST_REDIS") is { Length: > 0 } set ? set : "127.0.0.1:6379";

    /// <summary>Settings with a fresh cluster and service id, so parallel or earlier runs never meet.</summary>
    public static SiloSettings Fresh(string postgres)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new SiloSettings(postgres, TestRedis, $"test-{id}", $"svc-{id}");
    }
}
