window.HelpCenterSearchIndex = {"version":1,"fields":["title","path","collection","description","headings","tags","keywords"],"articles":[
["First steps","guides/first-steps/","Guides","Where to begin.","Before you begin\nSteps\nDone","basics setup","start read settings guide begin keep recovery key somewhere safe steps open choose security save option default backup none done"],
["Settings","guides/settings/","Guides","Change how the product behaves.","Change a setting","setup","back first steps change setting changes apply once"]
]};
