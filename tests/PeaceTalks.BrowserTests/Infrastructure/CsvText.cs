using System.Text;
using PeaceTalks.Web.Csv;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>A downloaded CSV file read back: its header and rows, with the export's formula guard undone.</summary>
public static class CsvText
{
    public static (string[] Header, List<string[]> Rows) Read(string csv)
    {
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = true });
        var header = reader.Headers.ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = CsvCells.Restore(reader.GetString(i));
            }
            rows.Add(row);
        }
        return (header, rows);
    }
}
