using Npgsql;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class PostgresPoolTests
{
    [Fact]
    public void A_connection_string_without_them_gets_the_default_pool_limit_and_prepared_statements()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults("Host=127.0.0.1;Database=poker;Username=poker"));

        Assert.Equal(PostgresPool.DefaultMaxPoolSize, built.MaxPoolSize);
        Assert.Equal(PostgresPool.DefaultMaxAutoPrepare, built.MaxAutoPrepare);
        Assert.Equal("poker", built.Database);
    }

    [Theory]
    [InlineData("Host=h;Maximum Pool Size=7;Max Auto Prepare=0")]
    [InlineData("Host=h;MaxPoolSize=7;MaxAutoPrepare=0")]
    [InlineData("host=h;maximum pool size=7;max auto prepare=0")]
    public void An_operator_chosen_value_is_kept(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaults(connectionString));

        Assert.Equal(7, built.MaxPoolSize);
        Assert.Equal(0, built.MaxAutoPrepare);
    }
}
