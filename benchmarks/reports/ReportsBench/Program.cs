using ReportsBench;

// generate <sqlite file> [scale]            fills a migrated, demo-seeded portal database with a county-sized data set
// measure <base url> <email> <password> <iterations> <path>...   signs in and measures the server time of each page
return args switch
{
    ["generate", var file, ..] => await CountyGenerator.RunAsync(file, args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1.0),
    ["measure", var url, var email, var password, var iterations, .. var paths] =>
        await PageTimer.RunAsync(new Uri(url), email, password, int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture), paths),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <db file> [scale] | measure <base url> <email> <password> <iterations> <path>...");
    return 2;
}
