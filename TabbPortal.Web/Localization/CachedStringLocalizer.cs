using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TabbPortal.Web.Localization;

/// <summary>
/// The portal's texts, looked up once per culture and name. The resource manager walks the culture's fallback chain at
/// every lookup; an open plan page renders dozens of texts at every change of a busy meeting, and profiles showed the
/// lookups as a tenth of the server's time on that path. The texts are compiled into the application and never change
/// while it runs; names are the code's own keys, so the cache is bounded by them (and capped in case).
/// </summary>
public sealed class CachedStringLocalizer<T>(IStringLocalizer inner) : IStringLocalizer<T>
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _cache = new();

    public CachedStringLocalizer(IStringLocalizerFactory factory)
        : this((factory ?? throw new ArgumentNullException(nameof(factory))).Create(typeof(T)))
    {
    }

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_cache.TryGetValue(key, out var found))
            {
                return found;
            }

            var text = inner[name];
            if (_cache.Count < MaxEntries)
            {
                _cache.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
