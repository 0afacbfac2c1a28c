using MudBlazor;

namespace PeaceTalks.Web.Components.Layout;

/// <summary>The colours and type of the app: system fonts (nothing loaded from the network) and contrast that passes WCAG AA.</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f80",
            Secondary = "#6b3fa0",
            Info = "#0d5ea8",
            Success = "#1e6b2e",
            Warning = "#8a5a00",
            Error = "#b3261e",
            AppbarBackground = "#16324f",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            TextSecondary = "#4a5563",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc4ff",
            PrimaryContrastText = "#0b1a2a",
            Secondary = "#d0b3ff",
            SecondaryContrastText = "#1f0d33",
            Info = "#8fc9ff",
            InfoContrastText = "#0b1a2a",
            Success = "#81c995",
            SuccessContrastText = "#0b2a12",
            Warning = "#ffc266",
            WarningContrastText = "#2a1a00",
            Error = "#ff8a80",
            ErrorContrastText = "#2a0000",
            AppbarBackground = "#10202f",
            Background = "#14181d",
            Surface = "#1d232a",
            DrawerBackground = "#1a1f25",
            TextPrimary = "#eef1f4",
            TextSecondary = "#c3cbd4",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "600" },
            H5 = new H5Typography { FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontSize = "1.1rem", FontWeight = "600" },
        },
    };
}
