<#-- Escaped as HTML: Dropwizard configures FreeMarker to auto-escape. -->
<!DOCTYPE html>
<html>
<head><title>People</title><link rel="stylesheet" href="/assets/style.css"></head>
<body>
<h1>People</h1>
<ul>
<#list people as person>
  <li>${person.name}, ${person.jobTitle}</li>
</#list>
</ul>
</body>
</html>
