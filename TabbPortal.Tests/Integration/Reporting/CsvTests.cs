using System.Text;
using TabbPortal.Web.Reporting;

namespace TabbPortal.Tests.Integration.Reporting;

public class CsvTests
{
    [Fact]
    public void WritesSemicolonSeparatedRowsWithAByteOrderMark()
    {
        var bytes = Csv.Write(["Kommun", "Antal"], [["Flen", "12"], ["Vingåker", "<5"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Kommun;Antal\r\nFlen;12\r\nVingåker;<5\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sa \"hej\"", "\"sa \"\"hej\"\"\"")]
    [InlineData("rad1\nrad2", "\"rad1\nrad2\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12,5", "-12,5")]
    [InlineData(null, "")]
    public void QuotesAndNeutralisesFields(string? value, string expected) => Assert.Equal(expected, Csv.Field(value));
}
