using System.Data.Common;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Finds the database failure behind an exception (an Npgsql or other ADO.NET one, at any depth).</summary>
internal static class DatabaseErrors
{
    /// <summary>True when a storage failure, already reported or not, is behind <paramref name="exception"/>.</summary>
    public static bool IsStorageFailure(Exception? exception) =>
        Find(exception) is not null || Interfaces.Common.StoreUnavailableException.IsBehind(exception);

    public static DbException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }
}
