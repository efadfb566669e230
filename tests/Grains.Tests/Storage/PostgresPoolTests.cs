using Npgsql;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class PostgresPoolTests
{
    [Fact]
    public void A_connection_string_without_a_pool_limit_gets_the_default_one()
    {
        var limited = new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaultLimit("Host=127.0.0.1;Database=poker;Username=poker"));

        Assert.Equal(PostgresPool.DefaultMaxPoolSize, limited.MaxPoolSize);
        Assert.Equal("poker", limited.Database);
    }

    [Theory]
    [InlineData("Host=h;Maximum Pool Size=7")]
    [InlineData("Host=h;MaxPoolSize=7")]
    [InlineData("host=h;maximum pool size=7")]
    public void An_operator_chosen_limit_is_kept(string connectionString)
    {
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(PostgresPool.WithDefaultLimit(connectionString)).MaxPoolSize);
    }
}
