namespace TabbPortal.Web.Resources;

/// <summary>Marker for the portal's UI strings: SharedResource.resx is Swedish (the neutral language), .en.resx English.</summary>
public sealed class SharedResource;
