// The namespaces most files of this project use (issue 16: files stop repeating them).
global using System.Globalization;
global using System.Text.RegularExpressions;
global using Microsoft.Playwright;
global using TongkuangAlliance.BrowserTests.Infrastructure;
global using TongkuangAlliance.Core.Common;
