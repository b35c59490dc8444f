namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>Reads what a test host wrote to its own log files.</summary>
public static class LogFiles
{
    /// <summary>
    /// All log text under <paramref name="directory"/>, once it contains <paramref name="expected"/> (request-
    /// completion events are written just after the response reaches the client) or after 5 s.
    /// </summary>
    public static async Task<string> WaitForAsync(string directory, string expected)
    {
        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            text = await ReadAllAsync(directory);
        }
        return text;
    }

    public static async Task<string> ReadAllAsync(string directory)
    {
        var all = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(directory, "*.log", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            all.Append(await reader.ReadToEndAsync());
        }
        return all.ToString();
    }
}
